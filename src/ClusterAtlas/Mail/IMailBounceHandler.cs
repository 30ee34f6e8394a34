namespace ClusterAtlas.Mail;

/// <summary>
/// Told by the outbox when the mail server refused a message's recipient permanently (a 5xx answer to RCPT TO), so a
/// feature stops mailing that address (the newsletter marks its subscription bounced).
/// </summary>
public interface IMailBounceHandler
{
    Task BouncedAsync(string address, CancellationToken cancellationToken);
}
