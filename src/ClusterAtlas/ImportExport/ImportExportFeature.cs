namespace ClusterAtlas.ImportExport;

/// <summary>Imports and sample data: the ECCP page importer and the demo-data generator (the command line and the first start use them).</summary>
public static class ImportExportFeature
{
    public static IServiceCollection AddImportExport(this IServiceCollection services) =>
        services
            .AddScoped<EccpProfileImporter>()
            .AddScoped<DemoDataGenerator>()
            .AddScoped<ProfileExportBatches>()
            .AddScoped<ProfileRecordImporter>();
}
