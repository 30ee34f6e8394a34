namespace ClusterAtlas.ImportExport;

/// <summary>The ECCP's profile page layouts: labels ending in a colon until 2021, and since its relaunch in 2021 a header, "About us", facts and the cluster composition.</summary>
public enum EccpLayout { Older, Since2021 }
