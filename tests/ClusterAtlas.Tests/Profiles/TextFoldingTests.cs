using ClusterAtlas.Profiles;

namespace ClusterAtlas.Tests.Profiles;

public class TextFoldingTests
{
    [Theory]
    [InlineData("Vojvodina ICT Cluster - VOICT", "vojvodina-ict-cluster-voict")]
    [InlineData("Vojvodina Metal Cluster", "vojvodina-metal-cluster")]
    [InlineData("Cluster “DRVO-PD”", "cluster-drvo-pd")]
    [InlineData("  Klaster Đurđevo & Šid (Srbija) ", "klaster-durdevo-sid-srbija")]
    [InlineData("Cluster Süd-Österreich", "cluster-sud-osterreich")]
    [InlineData("Pôle Véhicule du Futur", "pole-vehicule-du-futur")]
    public void Slug_is_made_as_the_ECCP_makes_its_urls(string name, string slug) =>
        Assert.Equal(slug, TextFolding.Slug(name));

    [Theory]
    [InlineData("Crop & animal production, hunting &related service activities", "Crop & animal production, hunting & related service activities")]
    [InlineData("Textiles, wearing apparel & leather& related products", "Textiles, wearing apparel & leather & related products")]
    [InlineData("METALWORKING  technology", "Metalworking Technology")]
    public void Match_keys_ignore_spacing_punctuation_and_case(string seen, string listed) =>
        Assert.Equal(TextFolding.MatchKey(listed), TextFolding.MatchKey(seen));
}
