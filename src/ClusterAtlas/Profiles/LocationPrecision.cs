namespace ClusterAtlas.Profiles;

/// <summary>How precise a profile's point is, most precise first.</summary>
public enum LocationPrecision { Exact, City, Region, Country }
