using System.Globalization;

namespace ClusterAtlas.Accounts;

/// <summary>What `users add-admin` and `users add-moderator` print: what was done, and the link to hand to the person.</summary>
public static class StaffAccountReport
{
    public static void Write(TextWriter output, StaffAccountResult result)
    {
        output.WriteLine(result.Created
            ? $"Created the account {result.Email} (no password yet) with the role {result.Role}."
            : $"The account {result.Email} has the role {result.Role}.");
        var until = result.LinkValidUntil.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);
        if (result.BaseUrlConfigured)
        {
            output.WriteLine($"Open this link to set the password (once, until {until} UTC); two-factor authentication is set up right after:");
            output.WriteLine(result.SetPasswordLink);
        }
        else
        {
            // A guessed host (localhost:5000) would be a broken link on a real server: give what is certain.
            output.WriteLine("ClusterAtlas:BaseUrl is not set, so the platform's public address is not known here (set it, e.g. ClusterAtlas__BaseUrl=https://clusters.example.org).");
            output.WriteLine($"Open this path on the server's own address to set the password (once, until {until} UTC); two-factor authentication is set up right after:");
            output.WriteLine(result.SetPasswordPath);
        }
    }
}
