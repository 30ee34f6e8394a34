using ClusterAtlas.Data;
using ClusterAtlas.Vocabularies;

namespace ClusterAtlas.Tests.Infrastructure;

/// <summary>The seed document: the Vojvodina Metal Cluster's ECCP profile page, as shipped for the demo content.</summary>
public static class SeedPage
{
    public static string Text => File.ReadAllText(SeedFiles.PathOf(DatabaseInitializer.DemoProfileFile));

    public const string Slug = "vojvodina-metal-cluster";

    public static readonly string[] CollaboratingClusters =
    [
        "Inno-Pro, Innovation Cluster for Production|Denmark", "ArchEnerg Cluster|Hungary", "Center for Cluster Development|Russia",
        "Clusterland Business Upper Austria|Austria", "Tragerverein umwelttechnologie cluster|Germany", "Toolmakers cluster of Slovenia TCS|Slovenia",
        "FEMAC The Catalan Cluster of Agricultural Machinery|Spain", "Agricultural Equipment Cluster|Croatia", "Cluster “DRVO-PD”|Bosnia and Herzegovina",
        "ICT Net|Serbia", "Vojvodina ICT Cluster|Serbia", "ICT Central Serbia|Serbia", "NiCAT|Serbia", "Fashion and Apparel Cluster|Serbia",
        "Autocluster|Serbia", "INNOSKART ICT Cluster|Hungary",
    ];

    public static readonly string[] StrategyStatements =
    [
        "We create the conditions for effective and efficient operation of each member of Vojvodina Metal Cluster",
        "We contribute to the competitiveness enhancement of the metal sector",
        "We develop cluster business infrastructure to organized, systematic, highly professional",
        "We are promoters of a positive image of the metal industry and its visibility.",
        "Contribute to sustainable employment in Serbia through the promotion of public-private partnership",
        "Increase the competitiveness of SMEs in metal sector",
        "Develop Cluster Centers of Excellence which will bring together interdisciplinary knowledge",
    ];

    public static readonly string[] ServiceDetails =
    [
        "Internationalization - Assistance in establishing business connections",
        "Engaging experts of different profiles in quality management system",
        "Development of technology, production, organizational and management structure",
        "Preparation of VMC projects targeted improving and expanding services to members",
        "Non formal education – various vocation trainings (CNC operator, welders, locksmiths, etc.);",
    ];

    public static readonly string[] Services =
    [
        "Access to public support (regional/national programmes, innovation vouchers, etc.)",
        "Facilitation of collaboration between members",
        "Promotion of activities (marketing/ visibility)",
        "Support of knowledge transfer",
        "Provision and facilitation of access to training for members",
    ];

    public static readonly string[] Programmes =
    [
        "Sustainable Local Development Project VMC Innovation and Business Development Centre - InnoBuddy",
        "Network to Network (cluster to cluster) management",
        "Innovative Cluster-Wide Product",
        "Underground container (ICWP)",
    ];

    public static readonly string[] Stories =
    [
        "VMC Integrated Support System for SMEs (VMC ISS SMEs)",
        "VMC Education Center (VMC EC)",
        "VMC Innovative Cluster-Wide Product (ICWP)",
    ];
}
