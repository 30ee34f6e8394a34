using System.Net;
using ClusterAtlas.Map;
using ClusterAtlas.Profiles;
using ClusterAtlas.Tests.Infrastructure;
using ClusterAtlas.Tests.Profiles;
using Microsoft.EntityFrameworkCore;

namespace ClusterAtlas.Tests.Map;

/// <summary>
/// Profiles are located from the gazetteer that ships with the app: city (in the profile's country), else region,
/// else country; coordinates typed by the profile's administrators are kept.
/// </summary>
public sealed class ProfileLocationTests(ClusterAtlasFactory app) : IClassFixture<ClusterAtlasFactory>
{
    private static readonly ProfileLocator Locator = new(Gazetteer.Shipped);

    private static bool InVojvodina(double? latitude, double? longitude) =>
        latitude is > 44.6 and < 46.2 && longitude is > 18.8 and < 21.6;

    [Fact]
    public void A_city_is_found_in_the_profiles_country()
    {
        var point = Locator.Locate("RS", "Novi Sad", null, null)!;
        Assert.Equal(LocationPrecision.City, point.Precision);
        Assert.Equal(45.25, point.Latitude, 0.05);
        Assert.Equal(19.84, point.Longitude, 0.05);
        // Postcodes and additions to the name do not hide the city.
        Assert.Equal(point, Locator.Locate("RS", "21000 Novi Sad", null, null));
    }

    [Fact]
    public void A_city_name_several_countries_have_goes_to_the_profiles_country()
    {
        var serbian = Locator.Locate("RS", "Požega", null, null)!;
        var croatian = Locator.Locate("HR", "Pozega", null, null)!;
        Assert.Equal(LocationPrecision.City, serbian.Precision);
        Assert.Equal(LocationPrecision.City, croatian.Precision);
        Assert.Equal(43.85, serbian.Latitude, 0.05);  // western Serbia
        Assert.Equal(45.34, croatian.Latitude, 0.05); // Slavonia
        // Without a country, such a name is not guessed: nothing more precise than what else is known.
        Assert.Null(Locator.Locate(null, "Požega", null, null));
    }

    [Fact]
    public void A_city_is_found_by_its_local_name_in_its_own_country_but_its_name_is_asked_first()
    {
        // GeoNames names Vienna in English; "Wien" is one of its other names, as "Beograd" and "Нови Сад" are Serbia's.
        var vienna = Locator.Locate("AT", "Wien", null, null)!;
        Assert.Equal(LocationPrecision.City, vienna.Precision);
        Assert.Equal(Locator.Locate("AT", "Vienna", null, null), vienna);
        Assert.Equal(Locator.Locate("RS", "Belgrade", null, null), Locator.Locate("RS", "Beograd", null, null));
        Assert.Equal(Locator.Locate("RS", "Novi Sad", null, null), Locator.Locate("RS", "Нови Сад", null, null));
        // Another name counts in its place's country only: "Wien" in Germany is no city there.
        Assert.NotEqual(LocationPrecision.City, Locator.Locate("DE", "Wien", null, null)?.Precision);
        // A place's own name wins over another place's other name: Požega, Croatia, stays itself.
        Assert.Equal(45.34, Locator.Locate("HR", "Požega", null, null)!.Latitude, 0.05);
    }

    [Fact]
    public void Without_a_known_city_the_region_then_the_country_places_the_profile()
    {
        var vojvodina = Locator.Locate("RS", "Atlantis", "Region of Vojvodina", null)!;
        Assert.Equal(LocationPrecision.Region, vojvodina.Precision);
        Assert.True(InVojvodina(vojvodina.Latitude, vojvodina.Longitude), $"{vojvodina} is not in Vojvodina");

        var burgenland = Locator.Locate("AT", null, null, "AT11")!;
        Assert.Equal(LocationPrecision.Region, burgenland.Precision);
        Assert.Equal(47.6, burgenland.Latitude, 0.1);

        var bavaria = Locator.Locate("DE", null, "Bayern", null)!;
        Assert.Equal(LocationPrecision.Region, bavaria.Precision);
        Assert.InRange(bavaria.Latitude, 47.3, 50.6);

        var croatia = Locator.Locate("HR", "Atlantis", "Nowhere", null)!;
        Assert.Equal(LocationPrecision.Country, croatia.Precision);
        Assert.InRange(croatia.Latitude, 42.4, 46.6);

        Assert.Null(Locator.Locate(null, null, null, null));
    }

    [Fact]
    public async Task The_demo_profile_of_vojvodina_is_placed_inside_vojvodina_and_its_page_says_how_precisely()
    {
        var profile = await app.ProfileAsync("vojvodina-metal-cluster");
        Assert.Equal("RS", profile.CountryCode);
        Assert.Equal(LocationPrecision.Region, profile.LocationPrecision);
        Assert.True(InVojvodina(profile.Latitude, profile.Longitude), $"{profile.Latitude}, {profile.Longitude} is not in Vojvodina");

        var page = await app.GetDocumentAsync("/cluster-organisations/vojvodina-metal-cluster");
        var location = page.GetElementById("map-location")!;
        Assert.Equal("region", location.GetAttribute("data-precision"));
        Assert.Contains("placed by its region, approximate", location.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_administrator_corrects_the_point_by_typing_it_and_clearing_it_lets_the_address_decide_again()
    {
        using var browser = await app.RegisterAndSignInAsync(ClusterAtlasFactory.NewEmail());
        var slug = await ProfileScenarios.RegisterProfileAsync(browser, "Located Cluster Novi Sad");
        var registered = await app.ProfileAsync(slug);
        Assert.Equal(LocationPrecision.City, registered.LocationPrecision);
        Assert.Equal(45.25, registered.Latitude!.Value, 0.05);

        using (var typed = await browser.SubmitFormAsync($"/cluster-organisations/{slug}/edit/identity", new() { ["Form.Latitude"] = "45.3301", ["Form.Longitude"] = "19.9" }))
        {
            Assert.Equal(HttpStatusCode.Redirect, typed.StatusCode);
        }
        var corrected = await app.ProfileAsync(slug);
        Assert.Equal((45.3301, 19.9, LocationPrecision.Exact), (corrected.Latitude!.Value, corrected.Longitude!.Value, corrected.LocationPrecision!.Value));
        // Recorded like any edit, and the page says who placed it.
        var revision = await app.WithDbAsync(db => db.ProfileRevisions.Where(r => r.ClusterOrganisationId == corrected.Id).OrderByDescending(r => r.Id).FirstAsync());
        Assert.Contains("Latitude", revision.ChangedFields, StringComparison.Ordinal);
        Assert.Contains("45.3301", revision.AfterJson, StringComparison.Ordinal);
        var profilePage = await ClusterAtlasFactory.ParseAsync(await browser.GetStringAsync(new Uri($"/cluster-organisations/{slug}", UriKind.Relative)));
        Assert.Equal("exact", profilePage.GetElementById("map-location")!.GetAttribute("data-precision"));
        Assert.Contains("45.3301, 19.9 (placed by its administrators)", System.Text.RegularExpressions.Regex.Replace(profilePage.GetElementById("map-location")!.TextContent, @"\s+", " "), StringComparison.Ordinal);

        // The edit form's small map starts at the stored point; out of range, the server names the field and keeps the point.
        var form = await ClusterAtlasFactory.ParseAsync(await browser.GetStringAsync(new Uri($"/cluster-organisations/{slug}/edit/identity", UriKind.Relative)));
        Assert.Equal(("45.3301", "19.9"), (form.GetElementById("location-picker")!.GetAttribute("data-latitude"), form.GetElementById("location-picker")!.GetAttribute("data-longitude")));
        using (var outOfRange = await browser.SubmitFormAsync($"/cluster-organisations/{slug}/edit/identity", new() { ["Form.Latitude"] = "91", ["Form.Longitude"] = "19.9" }))
        {
            Assert.StartsWith("A latitude is between -90 and 90 degrees", (await ClusterAtlasFactory.FieldErrorsAsync(outOfRange))["Form.Latitude"], StringComparison.Ordinal);
        }
        Assert.Equal(45.3301, (await app.ProfileAsync(slug)).Latitude);

        // Kept when the address changes; cleared, the address decides again.
        using (var moved = await browser.SubmitFormAsync($"/cluster-organisations/{slug}/edit/identity", new() { ["Form.City"] = "Subotica" }))
        {
            Assert.Equal(HttpStatusCode.Redirect, moved.StatusCode);
        }
        Assert.Equal(LocationPrecision.Exact, (await app.ProfileAsync(slug)).LocationPrecision);
        using (var cleared = await browser.SubmitFormAsync($"/cluster-organisations/{slug}/edit/identity", new() { ["Form.Latitude"] = "", ["Form.Longitude"] = "" }))
        {
            Assert.Equal(HttpStatusCode.Redirect, cleared.StatusCode);
        }
        var byCity = await app.ProfileAsync(slug);
        Assert.Equal(LocationPrecision.City, byCity.LocationPrecision);
        Assert.Equal(46.1, byCity.Latitude!.Value, 0.05); // Subotica

        // Someone else cannot move it.
        using var stranger = await app.RegisterAndSignInAsync(ClusterAtlasFactory.NewEmail());
        using var refused = await ProfileScenarios.PostWithTokenAsync(stranger, $"/cluster-organisations/{slug}/edit/identity",
            new() { ["Form.Latitude"] = "10", ["Form.Longitude"] = "10" });
        Assert.True(ProfileScenarios.IsRefusal(refused), $"answered {(int)refused.StatusCode}");
        Assert.Equal(byCity.Latitude, (await app.ProfileAsync(slug)).Latitude);
    }
}
