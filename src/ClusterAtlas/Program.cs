using ClusterAtlas;

// Run with a command (import, ...) the executable does that job and exits; otherwise it serves the platform.
if (CommandLine.IsCommand(args))
{
    return await CommandLine.RunAsync(args);
}

var builder = WebApplication.CreateBuilder(ClusterAtlasApp.Options(CommandLine.ServeArguments(args)));
builder.AddClusterAtlas();

var app = builder.Build();
try
{
    await app.InitializeDatabaseAsync();
}
catch (ClusterAtlas.Data.StorageFaultException fault)
{
    // One line that says what is wrong and what to do, not a stack trace.
    await Console.Error.WriteLineAsync("ClusterAtlas cannot start: " + fault.Message);
    return 1;
}
app.UseClusterAtlas();
await app.RunAsync();
return 0;

/// <summary>The entry point, public for the integration tests' WebApplicationFactory.</summary>
public partial class Program;
