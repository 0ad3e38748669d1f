namespace KubeCore.Api.Endpoints;

/// <summary>Maps every resource group of the API.</summary>
public static class KubeCoreEndpoints
{
    /// <summary>Maps the endpoints; the dev-token endpoint only in Development.</summary>
    public static WebApplication MapKubeCoreEndpoints(this WebApplication app)
    {
        app.MapHealth();
        app.MapCatalogue();
        app.MapIdentityDocuments();
        app.MapHouseholds();
        app.MapGroups();
        app.MapMeetings();
        app.MapSavings();
        app.MapLoans();
        app.MapPendamping();
        app.MapPoverty();
        app.MapWealthRanking();
        app.MapAid();
        app.MapReports();
        if (app.Environment.IsDevelopment())
        {
            app.MapDevTokens();
        }
        return app;
    }
}
