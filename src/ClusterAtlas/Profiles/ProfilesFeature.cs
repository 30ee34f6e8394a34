using ClusterAtlas.WhatsNew;

namespace ClusterAtlas.Profiles;

public static class ProfilesFeature
{
    public static IServiceCollection AddProfiles(this IServiceCollection services) =>
        services.AddScoped<ProfileQueries>().AddSingleton<PublishedProfileCache>().AddScoped<ProfileWrites>().AddScoped<Editing.ProfileEditor>().AddScoped<Editing.EditableProfiles>()
            .AddScoped<Editing.ProfileColleagues>().AddScoped<Editing.ColleagueMail>()
            .AddPublishedItems<PublishedProfiles>();
}
