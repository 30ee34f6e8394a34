using ClusterAtlas.ClusterDirectory;
using ClusterAtlas.Profiles;
using ClusterAtlas.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ClusterAtlas.Tests.Profiles;

/// <summary>People's contact details appear only where the profile allows.</summary>
public sealed class ContactPrivacyTests(ClusterAtlasFactory app) : IClassFixture<ClusterAtlasFactory>
{
    private const string Url = "/cluster-organisations/" + SeedPage.Slug;

    private async Task SetTeamAsync(ContactVisibility visibility, string email)
    {
        await app.WithDbAsync(async db =>
        {
            var profile = await db.ClusterOrganisations.Include(p => p.ManagementTeam).SingleAsync(p => p.Slug == SeedPage.Slug);
            foreach (var member in profile.ManagementTeam)
            {
                member.ContactVisibility = visibility;
                member.Email = email;
            }
            return await db.SaveChangesAsync();
        });
        app.Services.GetRequiredService<DirectoryIndex>().MarkStale();
    }

    [Fact]
    public async Task Members_only_contacts_are_hidden_from_anonymous_visitors_and_shown_to_members()
    {
        await SetTeamAsync(ContactVisibility.MembersOnly, "manager@vmc.example.org");

        using var anonymous = app.CreateClient();
        var html = await anonymous.GetStringAsync(new Uri(Url, UriKind.Relative));
        Assert.DoesNotContain("manager@vmc.example.org", html, StringComparison.Ordinal);
        Assert.DoesNotContain("844", html, StringComparison.Ordinal);
        Assert.Contains("shown to signed-in members", html, StringComparison.Ordinal);

        using var member = await app.RegisterAndSignInAsync("reader@example.org");
        var signedIn = await member.GetStringAsync(new Uri(Url, UriKind.Relative));
        Assert.Contains("manager@vmc.example.org", signedIn, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Hidden_contacts_are_shown_to_nobody()
    {
        await SetTeamAsync(ContactVisibility.Hidden, "secret@vmc.example.org");
        using var member = await app.RegisterAndSignInAsync("another-reader@example.org");
        var html = await member.GetStringAsync(new Uri(Url, UriKind.Relative));
        Assert.DoesNotContain("secret@vmc.example.org", html, StringComparison.Ordinal);
        Assert.Contains("Cluster Manager", html, StringComparison.Ordinal);
    }
}
