using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ClusterAtlas.Newsletter;

/// <summary>The web view of a week's digest, unfiltered (every section, every sector and country), linked from its mail.</summary>
[AllowAnonymous]
public class DigestPageModel(WeeklyDigest digests, TimeProvider clock) : PageModel
{
    public DigestIssue Digest { get; private set; } = null!;

    public DigestWeek? Previous { get; private set; }

    public DigestWeek? Next { get; private set; }

    public async Task<IActionResult> OnGetAsync(string? week, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        if (!DigestWeek.TryParse(week, out var digestWeek) || !digests.HasBegun(digestWeek, now))
        {
            return NotFound();
        }
        Digest = await digests.GatherAsync(digestWeek, now, cancellationToken);
        Previous = digestWeek.Previous();
        Next = digests.HasBegun(digestWeek.Next(), now) ? digestWeek.Next() : null;
        return Page();
    }
}
