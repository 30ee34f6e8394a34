using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ClusterAtlas.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class UnlocatedProfilesIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_ClusterOrganisations_Unlocated",
                table: "ClusterOrganisations",
                column: "LocationPrecision",
                filter: "\"LocationPrecision\" IS NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_ClusterOrganisations_Unlocated",
                table: "ClusterOrganisations");
        }
    }
}
