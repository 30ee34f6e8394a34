using System.ComponentModel.DataAnnotations;
using System.Globalization;
using ClusterAtlas.Profiles.Editing;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace ClusterAtlas.Accounts;

public sealed class ProfileInput
{
    [Required(ErrorMessage = "Enter your name.")]
    [StringLength(100, ErrorMessage = "Use at most 100 characters.")]
    public string DisplayName { get; set; } = "";

    public string PreferredLanguage { get; set; } = "";
}
