using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ClusterAtlas.Accounts;

/// <summary>
/// Failed attempts of one kind (<see cref="Purpose"/>) on one account name or account (<see cref="Subject"/>), from one
/// client address or from all (<see cref="Client"/> empty), counted in the database so that every app instance sees
/// the same count (see <see cref="AccountThrottles"/>).
/// </summary>
public class AccountThrottle
{
    public long Id { get; set; }

    public string Purpose { get; set; } = "";

    /// <summary>The normalised e-mail address typed (whether or not it has an account), or an account's id.</summary>
    public string Subject { get; set; } = "";

    /// <summary>The client address (an IPv6 client's /64 network), or "" for a count over every address.</summary>
    public string Client { get; set; } = "";

    public int Failures { get; set; }

    public DateTimeOffset WindowStartedAt { get; set; }

    public DateTimeOffset? BlockedUntil { get; set; }
}
