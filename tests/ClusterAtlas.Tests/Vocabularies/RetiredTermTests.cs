using System.Net;
using ClusterAtlas.Tests.Infrastructure;
using ClusterAtlas.Tests.Profiles;
using ClusterAtlas.Vocabularies;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ClusterAtlas.Tests.Vocabularies;

/// <summary>A retired term is no longer offered, but the profiles that have it keep it and can still be saved.</summary>
public sealed class RetiredTermTests(ClusterAtlasFactory app) : IClassFixture<ClusterAtlasFactory>
{
    [Fact]
    public async Task A_profile_with_a_retired_term_saves_its_step_and_keeps_the_term()
    {
        using var owner = await app.RegisterAndSignInAsync(ClusterAtlasFactory.NewEmail());
        var slug = await ProfileScenarios.RegisterProfileAsync(owner, "Retired Term Cluster");
        var term = await app.WithDbAsync(db => db.VocabularyTerms.Where(t => t.Vocabulary == Vocabulary.SectoralIndustries && t.Status == TermStatus.Active).OrderBy(t => t.Id).Skip(3).FirstAsync());
        var focus = $"/cluster-organisations/{slug}/edit/focus";
        using (var chosen = await owner.SubmitFormAsync(focus, new() { ["Form.SectoralIndustries"] = term.Id.ToString(System.Globalization.CultureInfo.InvariantCulture) }))
        {
            Assert.Equal(HttpStatusCode.Redirect, chosen.StatusCode);
        }
        await app.WithDbAsync(async db =>
        {
            await db.VocabularyTerms.Where(t => t.Id == term.Id).ExecuteUpdateAsync(u => u.SetProperty(t => t.Status, TermStatus.Retired));
            return 0;
        });
        app.Services.GetRequiredService<ClusterAtlas.ClusterDirectory.DirectoryIndex>().MarkVocabularyChanged();

        // The step is saved as it is shown, with another field changed: the retired term is still a valid choice here.
        using var saved = await owner.SubmitFormAsync(focus, new() { ["Form.OtherSpecialisationAreas"] = "Welding robots" });

        Assert.True(saved.StatusCode == HttpStatusCode.Redirect, string.Join("; ", (await ClusterAtlasFactory.FieldErrorsAsync(saved)).Select(e => $"{e.Key}: {e.Value}")));
        var kept = await app.WithDbAsync(db => db.ClusterOrganisations.Where(p => p.Slug == slug).SelectMany(p => p.Terms).Select(t => t.VocabularyTermId).ToListAsync());
        Assert.Contains(term.Id, kept);
    }
}
