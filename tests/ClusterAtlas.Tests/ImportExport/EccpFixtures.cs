namespace ClusterAtlas.Tests.ImportExport;

/// <summary>Short hand-written pages in the ECCP's layouts, in ImportExport/Fixtures (copied next to the tests).</summary>
public static class EccpFixtures
{
    public const string CurrentLayoutSlug = "pannonian-food-valley-cluster";

    public static string Read(string name) => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "ImportExport", "Fixtures", name));

    public static string CurrentLayoutText => Read("eccp-2021-layout.txt");

    public static string CurrentLayoutHtml => Read("eccp-2021-layout.html");
}
