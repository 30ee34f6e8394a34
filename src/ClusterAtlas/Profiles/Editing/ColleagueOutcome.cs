using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore.Storage;

namespace ClusterAtlas.Profiles.Editing;

public enum ColleagueOutcome
{
    Done,
    /// <summary>No account with a confirmed e-mail address has the address given.</summary>
    NoConfirmedAccount,
    AlreadyAdministrator,
    /// <summary>The person to remove (or the one handing over) is not an administrator of the profile.</summary>
    NotAdministrator,
    /// <summary>Removing them would leave the profile without an administrator.</summary>
    LastAdministrator,
}
