using MailKit.Net.Smtp;

namespace ClusterAtlas.Mail;

/// <summary>Which failures of sending are final for the address: trying again would be refused the same way.</summary>
public static class MailBounce
{
    /// <summary>
    /// The server refused the recipient with a permanent (5xx) answer to RCPT TO. A 4xx answer (mailbox busy, greylisting)
    /// and every other failure (connection, authentication, the message) are temporary: the outbox tries again.
    /// </summary>
    public static bool IsPermanentRefusal(Exception error) =>
        error is SmtpCommandException { ErrorCode: SmtpErrorCode.RecipientNotAccepted } refused && (int)refused.StatusCode >= 500;
}
