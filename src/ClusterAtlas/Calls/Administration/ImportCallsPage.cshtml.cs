using ClusterAtlas.Accounts;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace ClusterAtlas.Calls.Administration;

/// <summary>
/// The platform team uploads a CSV of calls, sees a dry run of the import (what it would create and update, or every
/// wrong line and column), then confirms. The confirmation carries the file back (the server keeps nothing between).
/// </summary>
[Authorize(Policy = AccountPolicies.Moderator)]
[RequestSizeLimit(MaxRequestBytes)]
[RequestFormLimits(MultipartBodyLengthLimit = MaxRequestBytes, ValueLengthLimit = MaxRequestBytes)]
public class ImportCallsPageModel(CallImporter importer, IStringLocalizer<SharedResource> T) : PageModel
{
    public const int MaxFileBytes = 2_000_000;
    private const int MaxRequestBytes = 4 * MaxFileBytes;

    [BindProperty]
    public IFormFile? Upload { get; set; }

    /// <summary>The previewed file in Base64, carried to the confirmation.</summary>
    [BindProperty]
    public string? FileContent { get; set; }

    public CallImportResult? Result { get; private set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostPreviewAsync(CancellationToken cancellationToken)
    {
        if (Upload is null || Upload.Length == 0)
        {
            ModelState.AddModelError(nameof(Upload), T["Choose a CSV file of calls."]);
        }
        else if (Upload.Length > MaxFileBytes)
        {
            ModelState.AddModelError(nameof(Upload), T["The file is larger than {0} KB.", MaxFileBytes / 1000]);
        }
        if (!ModelState.IsValid)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
        using var memory = new MemoryStream();
        await Upload!.CopyToAsync(memory, cancellationToken);
        FileContent = Convert.ToBase64String(memory.ToArray());
        return await ImportAsync(memory.ToArray(), dryRun: true, cancellationToken);
    }

    public async Task<IActionResult> OnPostConfirmAsync(CancellationToken cancellationToken)
    {
        byte[] bytes;
        try
        {
            bytes = Convert.FromBase64String(FileContent ?? "");
        }
        catch (FormatException)
        {
            return BadRequest();
        }
        if (bytes.Length == 0 || bytes.Length > MaxFileBytes)
        {
            return BadRequest();
        }
        return await ImportAsync(bytes, dryRun: false, cancellationToken);
    }

    private async Task<IActionResult> ImportAsync(byte[] bytes, bool dryRun, CancellationToken cancellationToken)
    {
        Result = await importer.ImportAsync(bytes, dryRun, cancellationToken);
        if (!Result.Succeeded)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
        }
        return Page();
    }
}
