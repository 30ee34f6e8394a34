using ClusterAtlas.Profiles;

namespace ClusterAtlas.Map;

/// <summary>A profile's point on the map and how precise it is.</summary>
public sealed record LocatedPoint(double Latitude, double Longitude, LocationPrecision Precision);
