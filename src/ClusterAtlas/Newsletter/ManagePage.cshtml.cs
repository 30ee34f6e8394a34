using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ClusterAtlas.Newsletter;

/// <summary>A subscription's own page, reached by the tokened link in every newsletter mail: its choices, or unsubscribing.</summary>
[AllowAnonymous]
public class ManagePageModel(Subscriptions subscriptions, NewsletterChoices choices, NewsletterLinks links) : PageModel
{
    [BindProperty]
    public string? Language { get; set; }

    [BindProperty]
    public List<string> Sectors { get; set; } = [];

    [BindProperty]
    public List<string> Countries { get; set; } = [];

    public NewsletterSubscription? Subscription { get; private set; }

    public NewsletterChoicesView Choices { get; private set; } = null!;

    public string? Done { get; private set; }

    public string UnsubscribeToken { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(string? token, CancellationToken cancellationToken)
    {
        if (!await FindAsync(token, cancellationToken))
        {
            return Invalid();
        }
        Language = Subscription!.Language;
        Sectors = Subscription.Sectors;
        Countries = Subscription.Countries;
        await LoadAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string? token, CancellationToken cancellationToken)
    {
        if (!await FindAsync(token, cancellationToken))
        {
            return Invalid();
        }
        var (language, sectors, countries, errors) = await choices.CheckAsync(Language, Sectors, Countries, cancellationToken);
        foreach (var (field, message) in errors)
        {
            ModelState.AddModelError(field, message);
        }
        if (ModelState.ErrorCount > 0)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
        }
        else
        {
            await subscriptions.UpdateAsync(Subscription!, language, sectors, countries, cancellationToken);
            Done = "saved";
        }
        await LoadAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostUnsubscribeAsync(string? token, CancellationToken cancellationToken)
    {
        if (!await FindAsync(token, cancellationToken))
        {
            return Invalid();
        }
        await subscriptions.UnsubscribeAsync(Subscription!, cancellationToken);
        Done = "unsubscribed";
        await LoadAsync(cancellationToken);
        return Page();
    }

    private async Task<bool> FindAsync(string? token, CancellationToken cancellationToken)
    {
        Subscription = links.ReadManageToken(token) is { } key ? await subscriptions.FindAsync(key, cancellationToken) : null;
        return Subscription is not null;
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        UnsubscribeToken = links.ManageToken(Subscription!);
        Choices = new NewsletterChoicesView(await choices.SectorsAsync(cancellationToken), choices.Countries, Language ?? Subscription!.Language, Sectors, Countries);
    }

    private PageResult Invalid()
    {
        Subscription = null;
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }
}
