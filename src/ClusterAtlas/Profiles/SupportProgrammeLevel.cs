namespace ClusterAtlas.Profiles;

public enum SupportProgrammeLevel { Regional, National, RegionalOrNational, European, International, EuropeanOrInternational }
