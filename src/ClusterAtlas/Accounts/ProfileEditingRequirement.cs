using System.Security.Claims;
using ClusterAtlas.Data;
using ClusterAtlas.Profiles;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;

namespace ClusterAtlas.Accounts;

/// <summary>"May this user edit this profile?", asked of IAuthorizationService with the profile as the resource.</summary>
public sealed class ProfileEditingRequirement : IAuthorizationRequirement;
