namespace ClusterAtlas.Calls;

/// <summary>Where a call stands, from its dates: not open yet, open, or past its deadline.</summary>
public enum CallStatus { Forthcoming, Open, Closed }
