namespace ClusterAtlas.Statistics;

public static class StatisticsFeature
{
    public static IServiceCollection AddStatistics(this IServiceCollection services) => services.AddScoped<ClusterStatistics>();

    public static WebApplication MapStatistics(this WebApplication app)
    {
        StatisticsCsv.Map(app);
        return app;
    }
}
