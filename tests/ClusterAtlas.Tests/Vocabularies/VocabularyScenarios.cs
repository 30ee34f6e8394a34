using System.Text.Json;
using AngleSharp.Dom;
using ClusterAtlas.ImportExport;
using ClusterAtlas.Moderation;
using ClusterAtlas.Profiles;
using ClusterAtlas.Tests.Infrastructure;
using ClusterAtlas.Vocabularies;
using Microsoft.EntityFrameworkCore;

namespace ClusterAtlas.Tests.Vocabularies;

/// <summary>The vocabulary tests' steps: profiles imported with given terms, the terms as stored, the public views of a profile.</summary>
public static class VocabularyScenarios
{
    public static string UniqueWord() => "Zq" + Guid.NewGuid().ToString("N")[..8];

    /// <summary>Imports a published profile (as the ECCP importer does) whose sectoral industries and services are the given labels; returns its slug.</summary>
    public static async Task<(string Slug, ImportReport Report)> ImportProfileAsync(this ClusterAtlasFactory app, string name, string[] sectors, string[]? services = null)
    {
        var page = $"Home > Cluster Organisations > {name}\nSectoral Industries:\n{string.Join('\n', sectors)}\n";
        if (services is not null)
        {
            page += $"Support services provided:\n{string.Join('\n', services)}\n";
        }
        var report = await app.WithServiceAsync<EccpProfileImporter, ImportReport>(importer =>
            importer.ImportAsync(page, name + ".txt", ProfileStatus.Published, CancellationToken.None));
        return (report.Slug!, report);
    }

    /// <summary>Imports a published profile from a page with the given lines after its breadcrumb ("Emerging Industries:", then its terms...).</summary>
    public static async Task<(string Slug, ImportReport Report)> ImportProfilePageAsync(this ClusterAtlasFactory app, string name, string lines)
    {
        var report = await app.WithServiceAsync<EccpProfileImporter, ImportReport>(importer =>
            importer.ImportAsync($"Home > Cluster Organisations > {name}\n{lines}", name + ".txt", ProfileStatus.Published, CancellationToken.None));
        return (report.Slug!, report);
    }

    public static Task<VocabularyTerm?> TermAsync(this ClusterAtlasFactory app, string vocabulary, string label) =>
        app.WithDbAsync(async db => (await db.VocabularyTerms.AsNoTracking().Where(t => t.Vocabulary == vocabulary).ToListAsync())
            .SingleOrDefault(t => t.Label == label));

    /// <summary>The labels and ids of a profile's terms in one field, as stored.</summary>
    public static Task<List<(int Id, string Label)>> StoredTermsAsync(this ClusterAtlasFactory app, string slug, ProfileField field) =>
        app.WithDbAsync(async db => (await db.Set<ProfileTerm>().AsNoTracking()
                .Where(t => t.Field == field && db.ClusterOrganisations.Any(p => p.Id == t.ClusterOrganisationId && p.Slug == slug))
                .OrderBy(t => t.SortOrder)
                .Select(t => new { t.VocabularyTermId, t.Term.Label })
                .ToListAsync())
            .Select(t => (t.VocabularyTermId, t.Label)).ToList());

    /// <summary>The newest audit log entry about a vocabulary term.</summary>
    public static Task<ModerationAction> LatestVocabularyAuditAsync(this ClusterAtlasFactory app) =>
        app.WithDbAsync(db => db.ModerationActions.AsNoTracking().Where(a => a.ClusterOrganisationId == null).OrderByDescending(a => a.Id).FirstAsync());

    /// <summary>The public profile page's main text.</summary>
    public static async Task<string> ProfilePageTextAsync(this ClusterAtlasFactory app, string slug) =>
        (await app.GetDocumentAsync($"/cluster-organisations/{slug}")).QuerySelector("main")!.TextContent;

    /// <summary>The API's answer to a search: the slugs found, their sectors, and the values of the sector and service facets.</summary>
    public static async Task<ApiAnswer> ApiSearchAsync(this ClusterAtlasFactory app, string query)
    {
        using var client = app.CreateClient();
        using var json = JsonDocument.Parse(await client.GetStringAsync(new Uri("/api/v1/cluster-organisations?" + query, UriKind.Relative)));
        var items = json.RootElement.GetProperty("items").EnumerateArray().ToList();
        List<string> FacetLabels(string facet) => json.RootElement.GetProperty("facets").TryGetProperty(facet, out var values)
            ? [.. values.EnumerateArray().Select(v => v.GetProperty("label").GetString()!)]
            : [];
        return new ApiAnswer(
            [.. items.Select(i => i.GetProperty("slug").GetString()!)],
            [.. items.SelectMany(i => i.GetProperty("sectors").EnumerateArray().Select(s => s.GetString()!))],
            FacetLabels("sector"), FacetLabels("service"));
    }

    /// <summary>The labels of the directory page's sector filter.</summary>
    public static async Task<List<string>> DirectorySectorFilterAsync(this ClusterAtlasFactory app)
    {
        var page = await app.GetDocumentAsync("/cluster-organisations");
        return [.. page.QuerySelectorAll("input[name=sector]").Select(LabelOf)];
    }

    /// <summary>A filter's label without its count: "Automotive (3)" is "Automotive". The checkbox sits inside its label.</summary>
    private static string LabelOf(IElement input) =>
        input.ParentElement is { LocalName: "label" } label ? string.Concat(label.ChildNodes.OfType<IText>().Select(t => t.Data)).Trim() : "";
}

public sealed record ApiAnswer(List<string> Slugs, List<string> Sectors, List<string> SectorFacet, List<string> ServiceFacet);
