namespace ClusterAtlas.Mail;

/// <summary>
/// RFC 8058 one-click unsubscribe: a mail program POSTs "List-Unsubscribe=One-Click" to the address in the message's
/// List-Unsubscribe header. Such a POST carries no antiforgery token or cookie, so the pages that accept it accept only
/// exactly that body with a valid token (purpose-bound, unforgeable), which is itself the proof (decision 0015).
/// </summary>
public static class OneClickUnsubscribe
{
    public const string Field = "List-Unsubscribe";
    public const string Value = "One-Click";

    public static bool IsOneClick(HttpRequest request) =>
        request.HasFormContentType && request.Form[Field] == Value;
}
