using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Localization;

namespace ClusterAtlas.Accounts;

/// <summary>Identity's error messages that a person can meet on the account pages, in their language.</summary>
public sealed class LocalizedIdentityErrors(IStringLocalizer<SharedResource> T) : IdentityErrorDescriber
{
    public override IdentityError DefaultError() => Error(nameof(DefaultError), T["Something went wrong. Please try again."]);

    public override IdentityError PasswordMismatch() => Error(nameof(PasswordMismatch), T["The password is not correct."]);

    public override IdentityError InvalidToken() => Error(nameof(InvalidToken), T["This link is no longer valid (it was used already, or it is more than 24 hours old). Please ask for a new one."]);

    public override IdentityError RecoveryCodeRedemptionFailed() => Error(nameof(RecoveryCodeRedemptionFailed), T["This recovery code is not valid."]);

    public override IdentityError InvalidEmail(string? email) => Error(nameof(InvalidEmail), T["Enter a valid e-mail address."]);

    public override IdentityError InvalidUserName(string? userName) => Error(nameof(InvalidUserName), T["Enter a valid e-mail address."]);

    public override IdentityError DuplicateEmail(string email) => Error(nameof(DuplicateEmail), T["This e-mail address is already in use."]);

    public override IdentityError DuplicateUserName(string userName) => Error(nameof(DuplicateUserName), T["This e-mail address is already in use."]);

    public override IdentityError PasswordTooShort(int length) => Error(nameof(PasswordTooShort), T["Use at least {0} characters.", length]);

    public override IdentityError PasswordRequiresUniqueChars(int uniqueChars) => Error(nameof(PasswordRequiresUniqueChars), T["Use at least {0} different characters.", uniqueChars]);

    public override IdentityError UserAlreadyHasPassword() => Error(nameof(UserAlreadyHasPassword), T["This account already has a password."]);

    private static IdentityError Error(string code, string description) => new() { Code = code, Description = description };
}
