using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;

namespace ClusterAtlas.Newsletter;

/// <summary>
/// The web view of a week's digest, unfiltered (every section, every sector and country), linked from its mail. Only the
/// weeks of the archive exist (<see cref="WeeklyDigest.ArchiveAsync"/>); the others, earlier or later, are not found.
/// </summary>
[AllowAnonymous]
public class DigestPageModel(WeeklyDigest digests, TimeProvider clock, IOptions<NewsletterOptions> options) : PageModel
{
    public DigestIssue Digest { get; private set; } = null!;

    /// <summary>When the week's digest goes out (the date in its title).</summary>
    public DateTimeOffset SendTime { get; private set; }

    /// <summary>Whether the week's digest has not gone out yet: its page shows what was published so far.</summary>
    public bool UnderWay { get; private set; }

    public DigestWeek? Previous { get; private set; }

    public DigestWeek? Next { get; private set; }

    public async Task<IActionResult> OnGetAsync(string? week, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        if (!DigestWeek.TryParse(week, out var digestWeek))
        {
            return NotFound();
        }
        var archive = await digests.ArchiveAsync(now, cancellationToken);
        if (!await digests.ExistsAsync(digestWeek, archive, cancellationToken))
        {
            return NotFound();
        }
        Digest = await digests.GatherAsync(digestWeek, now, cancellationToken);
        SendTime = digestWeek.SendTime(options.Value);
        UnderWay = SendTime > now;
        Previous = await digests.ExistsAsync(digestWeek.Previous(), archive, cancellationToken) ? digestWeek.Previous() : null;
        Next = await digests.ExistsAsync(digestWeek.Next(), archive, cancellationToken) ? digestWeek.Next() : null;
        return Page();
    }
}
