using ClusterAtlas.Accounts;
using ClusterAtlas.Moderation;
using ClusterAtlas.Profiles;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace ClusterAtlas.ImportExport.Administration;

/// <summary>
/// Administrators upload saved ECCP profile pages (text or HTML, either layout), see per page what an import would
/// create or change and what it could not place, and then import them. The preview is a dry run of the importer; the
/// confirmation carries the pages back (the server keeps nothing between the two) and imports them for real, each
/// page in its own transaction, recorded in the audit log.
/// </summary>
[Authorize(Policy = AccountPolicies.Administrator)]
[RequestSizeLimit(MaxRequestBytes)]
[RequestFormLimits(MultipartBodyLengthLimit = MaxRequestBytes, ValueLengthLimit = MaxRequestBytes)]
public class EccpImportPageModel(IServiceScopeFactory scopes, IStringLocalizer<SharedResource> T) : PageModel
{
    public const int MaxFiles = 10;
    public const int MaxFileBytes = 1_000_000;
    private const int MaxRequestBytes = 16_000_000;
    private static readonly string[] Extensions = [".txt", ".htm", ".html"];

    [BindProperty]
    public List<IFormFile> Files { get; set; } = [];

    /// <summary>The pages of the preview, carried to the confirmation.</summary>
    [BindProperty]
    public List<UploadedPage> Pages { get; set; } = [];

    /// <summary>Replace profiles that their members maintain on the platform.</summary>
    [BindProperty]
    public bool Replace { get; set; }

    public IReadOnlyList<PageOutcome> Outcomes { get; private set; } = [];

    /// <summary>Whether <see cref="Outcomes"/> are what was imported (else what would be).</summary>
    public bool Imported { get; private set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostPreviewAsync(CancellationToken cancellationToken)
    {
        Pages = [];
        if (Files.Count == 0)
        {
            ModelState.AddModelError(nameof(Files), T["Choose one or more saved ECCP profile pages (.txt or .html)."]);
        }
        else if (Files.Count > MaxFiles)
        {
            ModelState.AddModelError(nameof(Files), T["At most {0} pages at a time; you chose {1}.", MaxFiles, Files.Count]);
        }
        foreach (var file in Files.Take(MaxFiles))
        {
            var name = Path.GetFileName(file.FileName);
            if (!Extensions.Contains(Path.GetExtension(name), StringComparer.OrdinalIgnoreCase))
            {
                ModelState.AddModelError(nameof(Files), T["{0}: only pages saved as .txt, .htm or .html are read.", name]);
            }
            else if (file.Length > MaxFileBytes)
            {
                ModelState.AddModelError(nameof(Files), T["{0}: the file is larger than {1} KB.", name, MaxFileBytes / 1000]);
            }
            else
            {
                using var memory = new MemoryStream();
                await file.CopyToAsync(memory, cancellationToken);
                Pages.Add(new UploadedPage { Name = name, Content = Convert.ToBase64String(memory.ToArray()) });
            }
        }
        if (!ModelState.IsValid)
        {
            Pages = [];
            return Page();
        }
        Outcomes = await ImportAsync(dryRun: true, cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostConfirmAsync(CancellationToken cancellationToken)
    {
        if (Pages.Count == 0 || Pages.Count > MaxFiles)
        {
            return BadRequest();
        }
        Outcomes = await ImportAsync(dryRun: false, cancellationToken);
        Imported = true;
        return Page();
    }

    /// <summary>Each page in a scope of its own: a dry run leaves its change tracker behind, and a page that fails leaves the others alone.</summary>
    private async Task<IReadOnlyList<PageOutcome>> ImportAsync(bool dryRun, CancellationToken cancellationToken)
    {
        var outcomes = new List<PageOutcome>();
        foreach (var page in Pages)
        {
            var name = Path.GetFileName(page.Name);
            byte[] bytes;
            try
            {
                bytes = Convert.FromBase64String(page.Content);
            }
            catch (FormatException)
            {
                return [new PageOutcome(name, null, T["The page's content did not come back intact: upload it again."])];
            }
            if (bytes.Length > MaxFileBytes)
            {
                outcomes.Add(new PageOutcome(name, null, T["{0}: the file is larger than {1} KB.", name, MaxFileBytes / 1000]));
                continue;
            }
            await using var scope = scopes.CreateAsyncScope();
            try
            {
                var report = await scope.ServiceProvider.GetRequiredService<EccpProfileImporter>()
                    .ImportFileAsync(bytes, name, ProfileStatus.Published, Replace, cancellationToken, dryRun, deferNetworkMatching: true);
                if (!dryRun)
                {
                    await scope.ServiceProvider.GetRequiredService<AuditLog>().ImportAsync(report, name, cancellationToken);
                }
                outcomes.Add(new PageOutcome(name, report, null));
            }
            catch (Exception error) when (error is MalformedProfilePageException or ProfileImportRefusedException)
            {
                outcomes.Add(new PageOutcome(name, null, error.Message));
            }
        }
        // Saved directory searches hear of the new profiles as of a moderator's publication.
        var published = outcomes.Select(o => o.Report?.PublishedProfileId).OfType<int>().ToList();
        if (published.Count > 0)
        {
            await using var scope = scopes.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<Notifications.SavedSearches>().NotifyMatchingProfilesAsync(published, cancellationToken);
        }
        // One matching of the pages' collaborations after the last page, not one for each; after the members are told.
        var unmatched = outcomes.SelectMany(o => o.Report?.LeftUnmatched ?? []).ToList();
        if (unmatched.Count > 0)
        {
            await using var scope = scopes.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<ProfileWrites>().MatchNetworkOfAsync(unmatched, cancellationToken);
        }
        return outcomes;
    }

    public sealed class UploadedPage
    {
        public string Name { get; set; } = "";

        /// <summary>The file's bytes in Base64.</summary>
        public string Content { get; set; } = "";
    }

    /// <summary>A page's report, or why it was not (or would not be) imported.</summary>
    public sealed record PageOutcome(string FileName, ImportReport? Report, string? Error);
}
