namespace ClusterAtlas.AccessTokens;

/// <summary>What a token may do: read (members-only contacts included), or also write the profiles its owner administers.</summary>
public enum AccessTokenScope { Read, Write }
