using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace ClusterAtlas.Accounts;

/// <summary>A checkbox that must be ticked (consent to the privacy policy and the terms).</summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class MustBeCheckedAttribute : ValidationAttribute
{
    public override bool IsValid(object? value) => value is true;
}
