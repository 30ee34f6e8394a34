using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;

namespace ClusterAtlas.Accounts;

/// <summary>A new password, typed twice.</summary>
public class NewPasswordInput
{
    [Required(ErrorMessage = "Choose a password.")]
    [DataType(DataType.Password)]
    [StringLength(200, MinimumLength = 10, ErrorMessage = "Use from 10 to 200 characters.")]
    public string Password { get; set; } = "";

    [Required(ErrorMessage = "Enter the password again.")]
    [DataType(DataType.Password)]
    [Compare(nameof(Password), ErrorMessage = "The two passwords are not the same.")]
    public string ConfirmPassword { get; set; } = "";
}
