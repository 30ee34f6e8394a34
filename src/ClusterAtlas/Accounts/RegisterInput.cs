using System.ComponentModel.DataAnnotations;
using System.Globalization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;

namespace ClusterAtlas.Accounts;

/// <summary>The registration form: name, address, a new password (<see cref="NewPasswordInput"/>) and the two consents.</summary>
public sealed class RegisterInput : NewPasswordInput
{
    [Required(ErrorMessage = "Enter your name.")]
    [StringLength(100, ErrorMessage = "Use at most 100 characters.")]
    public string DisplayName { get; set; } = "";

    [Required(ErrorMessage = "Enter your e-mail address.")]
    [EmailAddress(ErrorMessage = "Enter a valid e-mail address.")]
    [StringLength(256, ErrorMessage = "Use at most 256 characters.")]
    public string Email { get; set; } = "";

    [MustBeChecked(ErrorMessage = "Accept the privacy policy to create an account.")]
    public bool AcceptPrivacyPolicy { get; set; }

    [MustBeChecked(ErrorMessage = "Accept the terms of use to create an account.")]
    public bool AcceptTerms { get; set; }
}
