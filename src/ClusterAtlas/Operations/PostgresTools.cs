using System.Diagnostics;
using Npgsql;

namespace ClusterAtlas.Operations;

/// <summary>
/// PostgreSQL's own client programs (pg_dump, pg_restore, psql), found on PATH or else where Debian's postgresql
/// packages put them (/usr/lib/postgresql/VERSION/bin, the newest version), and run with the connection's settings
/// in the libpq environment variables (so the password is never on a command line).
/// </summary>
public static class PostgresTools
{
    public static string Find(string program)
    {
        var onPath = (Environment.GetEnvironmentVariable("PATH") ?? "")
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(folder => Path.Combine(folder, program))
            .FirstOrDefault(File.Exists);
        if (onPath is not null)
        {
            return onPath;
        }
        var debian = Directory.Exists("/usr/lib/postgresql")
            ? Directory.GetDirectories("/usr/lib/postgresql")
                .Select(folder => (Version: int.TryParse(Path.GetFileName(folder), out var version) ? version : -1, Program: Path.Combine(folder, "bin", program)))
                .Where(candidate => candidate.Version >= 0 && File.Exists(candidate.Program))
                .OrderByDescending(candidate => candidate.Version)
                .Select(candidate => candidate.Program)
                .FirstOrDefault()
            : null;
        return debian ?? throw new BackupException(
            $"{program} is not installed (it is neither on PATH nor in /usr/lib/postgresql/*/bin): install PostgreSQL's client programs, e.g. the Debian package postgresql-client, in a version no older than the server's.");
    }

    public static ProcessStartInfo StartInfo(string program, string connectionString, params string[] arguments)
    {
        var start = new ProcessStartInfo(Find(program))
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }
        var connection = new NpgsqlConnectionStringBuilder(connectionString);
        Set(start, "PGHOST", connection.Host);
        Set(start, "PGPORT", connection.Port.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Set(start, "PGUSER", connection.Username);
        Set(start, "PGPASSWORD", connection.Password);
        Set(start, "PGDATABASE", connection.Database);
        Set(start, "PGSSLMODE", connection.SslMode switch
        {
            SslMode.Disable => "disable",
            SslMode.Allow => "allow",
            SslMode.Require => "require",
            SslMode.VerifyCA => "verify-ca",
            SslMode.VerifyFull => "verify-full",
            _ => "prefer",
        });
        return start;
    }

    private static void Set(ProcessStartInfo start, string variable, string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            start.Environment.Remove(variable);
        }
        else
        {
            start.Environment[variable] = value;
        }
    }

    /// <summary>Runs a program to its end; a failure is a <see cref="BackupException"/> with what the program said.</summary>
    public static async Task RunAsync(ProcessStartInfo start, CancellationToken cancellationToken)
    {
        using var process = Process.Start(start) ?? throw new BackupException($"{start.FileName} did not start.");
        var output = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var error = process.StandardError.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken);
        await output;
        if (process.ExitCode != 0)
        {
            throw new BackupException($"{Path.GetFileName(start.FileName)} failed (exit code {process.ExitCode}): {(await error).Trim()}");
        }
    }
}
