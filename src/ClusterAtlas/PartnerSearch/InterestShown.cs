using System.Security.Claims;
using ClusterAtlas.Accounts;
using ClusterAtlas.Data;
using ClusterAtlas.Profiles;
using Microsoft.EntityFrameworkCore;

namespace ClusterAtlas.PartnerSearch;

/// <summary>An interest as the posting's author sees it.</summary>
public sealed record InterestShown(string UserName, string ProfileSlug, string ProfileName, string? Message, DateTimeOffset CreatedAt);
