using ClusterAtlas.Accounts;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace ClusterAtlas.Notifications;

/// <summary>Per kind of notification: e-mailed immediately, in a daily digest, or not at all (the page always shows them).</summary>
[Authorize]
public class NotificationSettingsPageModel(NotificationCenter center, IStringLocalizer<SharedResource> T) : PageModel
{
    public IReadOnlyDictionary<NotificationKind, NotificationDelivery> Choices { get; private set; } = new Dictionary<NotificationKind, NotificationDelivery>();
    public bool Saved { get; private set; }

    public static string FieldName(NotificationKind kind) => "delivery-" + kind;

    public async Task<IActionResult> OnGetAsync(bool saved, CancellationToken cancellationToken)
    {
        Saved = saved;
        Choices = await center.PreferencesAsync(User.UserId()!, cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var choices = new Dictionary<NotificationKind, NotificationDelivery>();
        foreach (var kind in NotificationWording.Kinds)
        {
            var value = Request.Form[FieldName(kind)].ToString();
            if (Enum.TryParse<NotificationDelivery>(value, out var delivery) && Enum.IsDefined(delivery) && !int.TryParse(value, out _))
            {
                choices[kind] = delivery;
            }
            else
            {
                ModelState.AddModelError(FieldName(kind), T["Choose how you want to hear of “{0}”.", NotificationWording.KindLabel(kind, T)]);
            }
        }
        if (!ModelState.IsValid)
        {
            Choices = await center.PreferencesAsync(User.UserId()!, cancellationToken);
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
        await center.SetPreferencesAsync(User.UserId()!, choices, cancellationToken);
        return LocalRedirect(NotificationMail.SettingsPath + "?saved=true");
    }
}
