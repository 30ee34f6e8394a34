using System.CommandLine;
using Spectre.Console;
using ClusterAtlas.Accounts;
using ClusterAtlas.Data;
using ClusterAtlas.ImportExport;
using ClusterAtlas.Profiles;

namespace ClusterAtlas;

/// <summary>The executable's commands. With none (or "serve"), the platform is served.</summary>
public static class CommandLine
{
    private static readonly string[] Commands = ["import", "demo-data", "users", "backup", "restore", "help", "--help", "-h", "-?", "--version"];

    public static bool IsCommand(string[] args) => args.Length > 0 && Commands.Contains(args[0], StringComparer.OrdinalIgnoreCase);

    /// <summary>"serve" is the default command; the rest are ASP.NET Core settings such as --urls.</summary>
    public static string[] ServeArguments(string[] args) =>
        args.Length > 0 && args[0].Equals("serve", StringComparison.OrdinalIgnoreCase) ? args[1..] : args;

    public static async Task<int> RunAsync(string[] args)
    {
        var root = new RootCommand("ClusterAtlas: profiles, directory and collaboration for cluster organisations. Run without a command to serve the platform.");
        root.Subcommands.Add(new Command("serve", "Serve the platform (the default); takes ASP.NET Core settings such as --urls."));
        root.Subcommands.Add(ImportCommand());
        root.Subcommands.Add(DemoDataCommand());
        root.Subcommands.Add(UsersCommand());
        root.Subcommands.Add(BackupCommand());
        root.Subcommands.Add(RestoreCommand());
        try
        {
            return await root.Parse(args).InvokeAsync(new InvocationConfiguration { EnableDefaultExceptionHandler = false });
        }
        catch (StorageFaultException fault)
        {
            await Console.Error.WriteLineAsync("error: " + fault.Message);
            return 1;
        }
    }

    private static Command ImportCommand()
    {
        var files = new Argument<FileInfo[]>("files") { Description = "ECCP profile pages saved as text or HTML (either layout)", Arity = ArgumentArity.OneOrMore };
        var status = new Option<ProfileStatus>("--status") { Description = "Status of newly created profiles", DefaultValueFactory = _ => ProfileStatus.Published };
        var replace = new Option<bool>("--replace") { Description = "Replace profiles that their members maintain on the platform (recorded as a revision)" };
        var dryRun = new Option<bool>("--dry-run") { Description = "Print what would change, and write nothing" };
        var allOrNothing = new Option<bool>("--all-or-nothing") { Description = "Write nothing unless every file can be imported" };
        var eccp = new Command("eccp", "Create or update profiles from ECCP profile pages saved as text or HTML (idempotent by slug, or by website).");
        eccp.Arguments.Add(files);
        eccp.Options.Add(status);
        eccp.Options.Add(replace);
        eccp.Options.Add(dryRun);
        eccp.Options.Add(allOrNothing);
        eccp.SetAction(async (parse, cancellationToken) =>
        {
            await using var host = await StartServicesAsync(cancellationToken);
            var options = new EccpImportRun.Options(parse.GetValue(status), parse.GetValue(replace), parse.GetValue(dryRun), parse.GetValue(allOrNothing));
            return await new EccpImportRun(host.Services, Console.Out, Console.Error)
                .RunAsync([.. (parse.GetValue(files) ?? []).Select(ResolveFromCallerDirectory)], options, cancellationToken);
        });
        var import = new Command("import", "Import profiles, or open calls.");
        import.Subcommands.Add(eccp);
        import.Subcommands.Add(ProfileFileImportCommand.Create("json", StartServicesAsync, ResolveFromCallerDirectory));
        import.Subcommands.Add(ProfileFileImportCommand.Create("csv", StartServicesAsync, ResolveFromCallerDirectory));
        import.Subcommands.Add(Calls.CallImportCommand.Create(StartServicesAsync, ResolveFromCallerDirectory));
        return import;
    }

    private static Command DemoDataCommand()
    {
        var count = new Option<int>("--count") { Description = "How many sample profiles to add", DefaultValueFactory = _ => 100 };
        var seed = new Option<int>("--seed") { Description = "Seed of the generator (same seed, same profiles)", DefaultValueFactory = _ => DemoDataGenerator.DefaultSeed };
        var remove = new Option<bool>("--remove") { Description = "Delete every sample profile instead (profiles that are not sample data stay)" };
        var command = new Command("demo-data", "Add realistic, clearly fictitious sample profiles (each marked as sample data), or remove them all.");
        command.Options.Add(count);
        command.Options.Add(seed);
        command.Options.Add(remove);
        command.SetAction(async (parse, cancellationToken) =>
        {
            if (parse.GetValue(remove))
            {
                await using var removeHost = await StartServicesAsync(cancellationToken);
                await using var removeScope = removeHost.Services.CreateAsyncScope();
                var deleted = await removeScope.ServiceProvider.GetRequiredService<DemoDataGenerator>().RemoveAllAsync(cancellationToken);
                Console.WriteLine($"Removed {deleted} sample profiles; every other profile is as it was.");
                return 0;
            }
            var wanted = parse.GetValue(count);
            if (wanted < 1 || wanted > 1_000_000)
            {
                await Console.Error.WriteLineAsync($"error: --count must be from 1 to 1000000; got {wanted}.");
                return 1;
            }
            await using var host = await StartServicesAsync(cancellationToken);
            await using var scope = host.Services.CreateAsyncScope();
            var generator = scope.ServiceProvider.GetRequiredService<DemoDataGenerator>();
            var started = System.Diagnostics.Stopwatch.StartNew();
            var created = 0;
            await AnsiConsole.Progress()
                .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(),
                    new ElapsedTimeColumn(), new RemainingTimeColumn())
                .StartAsync(async context =>
                {
                    var task = context.AddTask("sample profiles", maxValue: wanted);
                    created = await generator.GenerateAsync(wanted, parse.GetValue(seed), new Progress<int>(done => task.Value = done), cancellationToken);
                    task.Value = wanted;
                });
            Console.WriteLine(FormattableString.Invariant($"Added {created} sample profiles in {started.Elapsed.TotalSeconds:0.0} s."));
            return 0;
        });
        return command;
    }

    private static Command UsersCommand()
    {
        var users = new Command("users", "Manage accounts.");
        users.Subcommands.Add(AddStaffCommand("add-admin", AccountRoles.Administrator,
            "Make EMAIL an administrator (creating the account, without a password, if there is none) and print a one-time link to set its password."));
        users.Subcommands.Add(AddStaffCommand("add-moderator", AccountRoles.Moderator,
            "Make EMAIL a moderator (creating the account, without a password, if there is none) and print a one-time link to set its password."));
        return users;
    }

    private static Command AddStaffCommand(string name, string role, string description)
    {
        var email = new Argument<string>("email") { Description = "The person's e-mail address" };
        var command = new Command(name, description);
        command.Arguments.Add(email);
        command.SetAction(async (parse, cancellationToken) =>
        {
            var address = parse.GetValue(email)!.Trim();
            if (!StaffAccounts.IsEmailAddress(address))
            {
                await Console.Error.WriteLineAsync($"error: \"{address}\" is not an e-mail address.");
                return 1;
            }
            await using var host = await StartServicesAsync(cancellationToken);
            await using var scope = host.Services.CreateAsyncScope();
            try
            {
                var result = await scope.ServiceProvider.GetRequiredService<StaffAccounts>().AddAsync(address, role, cancellationToken);
                StaffAccountReport.Write(Console.Out, result);
                return 0;
            }
            catch (StaffAccountException error)
            {
                await Console.Error.WriteLineAsync($"error: {error.Message}.");
                return 1;
            }
        });
        return command;
    }

    private static Command BackupCommand()
    {
        var file = new Argument<FileInfo>("file") { Description = "The zip file to write (it must not exist yet)" };
        var command = new Command("backup", "Write the database and the data folder's files into one zip file; safe while the platform runs (SQLite: online backup; PostgreSQL: pg_dump).");
        command.Arguments.Add(file);
        command.SetAction((parse, cancellationToken) => RunBackupAsync(backup => backup.CreateAsync(ResolveForOutput(parse.GetValue(file)!), cancellationToken)));
        return command;
    }

    private static Command RestoreCommand()
    {
        var file = new Argument<FileInfo>("file") { Description = "A zip file written by backup" };
        var force = new Option<bool>("--force") { Description = "Replace a database that holds profiles or accounts (all of its content is replaced)" };
        var command = new Command("restore", "Put a backup back: the database (empty, or replaced with --force) and the data folder's files. Stop the platform first.");
        command.Arguments.Add(file);
        command.Options.Add(force);
        command.SetAction((parse, cancellationToken) => RunBackupAsync(backup =>
            backup.RestoreAsync(ResolveFromCallerDirectory(parse.GetValue(file)!).FullName, parse.GetValue(force), cancellationToken)));
        return command;
    }

    /// <summary>Backups work on the database as it is: no migration, no seeding (a restore needs the database untouched).</summary>
    private static async Task<int> RunBackupAsync(Func<Operations.Backup, Task<string>> work)
    {
        var builder = WebApplication.CreateBuilder(ClusterAtlasApp.Options([]));
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.AddClusterAtlas();
        await using var host = builder.Build();
        await using var scope = host.Services.CreateAsyncScope();
        try
        {
            Console.WriteLine(await work(scope.ServiceProvider.GetRequiredService<Operations.Backup>()));
            return 0;
        }
        catch (Operations.BackupException error)
        {
            await Console.Error.WriteLineAsync("error: " + error.Message);
            return 1;
        }
    }

    /// <summary>A relative output path means the folder the user typed it in (see <see cref="ResolveFromCallerDirectory"/>).</summary>
    private static string ResolveForOutput(FileInfo file)
    {
        var callerDirectory = Environment.GetEnvironmentVariable("PWD");
        return callerDirectory is null || Path.IsPathRooted(file.ToString())
            ? file.FullName
            : Path.Combine(callerDirectory, Path.GetRelativePath(Environment.CurrentDirectory, file.FullName));
    }

    /// <summary>
    /// `dotnet run --project` starts the program in the project's folder; a relative path given by the user
    /// means the folder they typed it in, which the shell passes on as PWD.
    /// </summary>
    private static FileInfo ResolveFromCallerDirectory(FileInfo file)
    {
        var callerDirectory = Environment.GetEnvironmentVariable("PWD");
        if (file.Exists || callerDirectory is null)
        {
            return file;
        }
        var relative = Path.GetRelativePath(Environment.CurrentDirectory, file.FullName);
        var fromCaller = new FileInfo(Path.Combine(callerDirectory, relative));
        return fromCaller.Exists ? fromCaller : file;
    }

    /// <summary>The platform's services and configuration (appsettings, environment), migrated, without the web server.</summary>
    private static async Task<WebApplication> StartServicesAsync(CancellationToken cancellationToken)
    {
        var builder = WebApplication.CreateBuilder(ClusterAtlasApp.Options([]));
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.AddClusterAtlas();
        var app = builder.Build();
        await using var scope = app.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<DatabaseInitializer>().InitializeAsync(cancellationToken);
        return app;
    }
}
