namespace ClusterAtlas.Pages;

/// <summary>Settings under "ClusterAtlas:DataLicence": the open-data licence profile content is published under.</summary>
public sealed class DataLicenceOptions
{
    public const string Section = "ClusterAtlas:DataLicence";

    /// <summary>Short name, shown as "Profile data: {Name}".</summary>
    public string Name { get; set; } = "CC BY 4.0";

    /// <summary>Where the licence's text is.</summary>
    public string Url { get; set; } = "https://creativecommons.org/licenses/by/4.0/";
}
