using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ClusterAtlas.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class NetworkMatchedInTheDatabase : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "NetworkMatchedAt",
                table: "ClusterOrganisations",
                type: "timestamp with time zone",
                nullable: true);

            // Profiles stored before count as matched: the version that stored them matched every write of its own and
            // every change it noticed, and a whole match takes minutes at 100,000 profiles.
            migrationBuilder.Sql("UPDATE \"ClusterOrganisations\" SET \"NetworkMatchedAt\" = \"UpdatedAt\";");

            migrationBuilder.CreateIndex(
                name: "IX_ClusterOrganisations_NetworkUnmatched",
                table: "ClusterOrganisations",
                column: "NetworkMatchedAt",
                filter: "\"NetworkMatchedAt\" IS NULL OR \"NetworkMatchedAt\" <> \"UpdatedAt\"");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_ClusterOrganisations_NetworkUnmatched",
                table: "ClusterOrganisations");

            migrationBuilder.DropColumn(
                name: "NetworkMatchedAt",
                table: "ClusterOrganisations");
        }
    }
}
