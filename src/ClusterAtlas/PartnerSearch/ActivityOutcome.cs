using System.Security.Claims;
using ClusterAtlas.Accounts;
using ClusterAtlas.Data;
using ClusterAtlas.Profiles;
using Microsoft.EntityFrameworkCore;

namespace ClusterAtlas.PartnerSearch;

public enum ActivityOutcome
{
    Done,
    /// <summary>The posting is closed or expired: it takes no more interest or comments.</summary>
    NotOpen,
    /// <summary>The profile chosen is not one the member administers and may speak for.</summary>
    NotYourProfile,
    /// <summary>Members of the posting's own profile do not express interest in it.</summary>
    OwnPosting,
    AlreadyInterested,
    Invalid,
    EditWindowOver,
    NotFound,
}
