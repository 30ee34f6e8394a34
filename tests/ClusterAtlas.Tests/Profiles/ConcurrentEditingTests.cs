using System.Net;
using ClusterAtlas.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace ClusterAtlas.Tests.Profiles;

/// <summary>Many editors saving unrelated fields at the same moment are all saved: only a field two people changed differently is a conflict.</summary>
public sealed class ConcurrentEditingTests(ClusterAtlasFactory app) : IClassFixture<ClusterAtlasFactory>
{
    private static readonly Dictionary<string, string> Changes = new(StringComparer.Ordinal)
    {
        ["Form.LocalName"] = "Klaster Paralelni",
        ["Form.Acronym"] = "PAR",
        ["Form.ShortDescription"] = "Saved by eight people at once.",
        ["Form.Phone"] = "+381 21 555 0101",
        ["Form.Street"] = "Bulevar oslobođenja 1",
        ["Form.Postcode"] = "21000",
        ["Form.City"] = "Subotica",
        ["Form.Email"] = "info@parallel.example.org",
    };

    [Fact]
    public async Task Eight_editors_saving_different_fields_at_once_are_all_saved()
    {
        var email = ClusterAtlasFactory.NewEmail();
        using var first = await app.RegisterAndSignInAsync(email);
        var slug = await ProfileScenarios.RegisterProfileAsync(first, "Parallel Cluster");
        var url = new Uri($"/cluster-organisations/{slug}/edit/identity", UriKind.Relative);
        var editors = new List<HttpClient>();
        foreach (var _ in Changes)
        {
            editors.Add(await app.SignInAsync(email));
        }
        // Everyone opens the form first, then all save together.
        var forms = await Task.WhenAll(editors.Select(async e => (await ClusterAtlasFactory.ParseAsync(await e.GetStringAsync(url))).QuerySelector("main form[method=post]")!));
        var saves = await Task.WhenAll(Changes.Select((change, i) =>
            editors[i].PostFormAsync(forms[i], url, new() { [change.Key] = change.Value })));

        Assert.All(saves, s => Assert.Equal(HttpStatusCode.Redirect, s.StatusCode));
        var stored = await app.WithDbAsync(db => db.ClusterOrganisations.SingleAsync(p => p.Slug == slug));
        string?[] saved = [stored.LocalName, stored.Acronym, stored.ShortDescription, stored.Phone, stored.Street, stored.Postcode, stored.City, stored.Email];
        Assert.Equal(string.Join(" | ", Changes.Values), string.Join(" | ", saved));
        foreach (var response in saves)
        {
            response.Dispose();
        }
        foreach (var editor in editors)
        {
            editor.Dispose();
        }
    }
}
