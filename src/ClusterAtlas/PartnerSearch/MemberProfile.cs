using System.Security.Claims;
using ClusterAtlas.Accounts;
using ClusterAtlas.Data;
using ClusterAtlas.Profiles;
using Microsoft.EntityFrameworkCore;

namespace ClusterAtlas.PartnerSearch;

/// <summary>A profile a member may speak for when they express interest.</summary>
public sealed record MemberProfile(int Id, string Slug, string Name);
