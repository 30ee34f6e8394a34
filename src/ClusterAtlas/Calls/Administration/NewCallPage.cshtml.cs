using ClusterAtlas.Localisation;
using ClusterAtlas.Vocabularies;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace ClusterAtlas.Calls.Administration;

/// <summary>The platform team adds a call.</summary>
public class NewCallPageModel(ClusterAtlas.Data.ClusterAtlasDbContext db, CallEditor editor, CountryList countries, DataLabels labels, IStringLocalizer<SharedResource> T)
    : CallFormPageModel(editor, countries, labels, T)
{
    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        Form.TimeZone = FundingCall.DefaultTimeZone;
        await ShowAsync(null, cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!await ValidateAsync(null, cancellationToken))
        {
            return Page();
        }
        var call = await Editor.AddAsync(Form, new HashSet<string>(StringComparer.Ordinal), cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return Redirect($"/calls/{call.Slug}?done=created");
    }
}
