using ClusterAtlas.Accounts;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ClusterAtlas.News;

/// <summary>What the new and edit pages of news share: the form, the image, the checks and the refusal.</summary>
public abstract class NewsFormPageModel(NewsChecks checks) : PageModel
{
    [BindProperty]
    public NewsForm Form { get; set; } = new();

    [BindProperty]
    public IFormFile? Image { get; set; }

    /// <summary>Whether the submit button publishes at once (the platform team, trusted profiles) or sends to review.</summary>
    public bool PublishesDirectly { get; protected set; }

    /// <summary>Checks the posted form; null (with every error in the model state, status 400) when it is not valid.</summary>
    protected async Task<NewsInput?> CheckAsync(NewsItem? existing, CancellationToken cancellationToken)
    {
        // The checks replace model binding's (a value that did not bind is reported by them).
        ModelState.Clear();
        var (input, errors) = await checks.CheckAsync(Form, Image, existing, cancellationToken);
        foreach (var (field, message) in errors)
        {
            ModelState.AddModelError(field, message);
        }
        if (input is null)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
        }
        return input;
    }

    /// <summary>Anonymous visitors are sent to sign in; signed-in people who may not are refused.</summary>
    protected IActionResult Refuse() => this.Refusal();
}
