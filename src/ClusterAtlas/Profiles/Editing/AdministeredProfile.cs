using ClusterAtlas.Accounts;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore.Storage;

namespace ClusterAtlas.Profiles.Editing;

/// <summary>A profile a member administers, as their account page lists it.</summary>
public sealed record AdministeredProfile(string Slug, string Name, ProfileStatus Status);
