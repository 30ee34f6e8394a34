using ClusterAtlas.Newsletter;
using ClusterAtlas.Tests.Infrastructure;
using ClusterAtlas.WhatsNew;
using Microsoft.Extensions.DependencyInjection;

namespace ClusterAtlas.Tests.Newsletter;

/// <summary>
/// The digest keeps an item for a subscriber when one of its sectors is one they chose: every section must name its
/// sectors the way the newsletter's choices do (calls, events and news named them by label or match key, and
/// a subscriber who chose "automotive" never got an automotive call).
/// </summary>
public sealed class PublishedSectorsTests(ClusterAtlasFactory app) : IClassFixture<ClusterAtlasFactory>
{
    [Fact]
    public async Task Every_section_names_its_sectors_as_the_newsletter_offers_them()
    {
        await using var scope = app.Services.CreateAsyncScope();
        var offered = (await scope.ServiceProvider.GetRequiredService<NewsletterChoices>().SectorsAsync(CancellationToken.None))
            .Select(c => c.Value).ToHashSet(StringComparer.Ordinal);
        var named = new List<(string Section, string Sector)>();
        foreach (var section in scope.ServiceProvider.Sections())
        {
            var items = await section.PublishedBetweenAsync(DateTimeOffset.UtcNow.AddYears(-1), DateTimeOffset.UtcNow.AddDays(1), CancellationToken.None);
            named.AddRange(items.SelectMany(item => item.Sectors.Select(sector => (section.Section, sector))));
        }

        Assert.Contains(named, n => n.Section == "calls");
        Assert.Contains(named, n => n.Section == "events");
        Assert.All(named, n => Assert.True(offered.Contains(n.Sector), $"{n.Section}: \"{n.Sector}\" is not a sector the newsletter offers"));
    }
}
