using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ClusterAtlas.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class NetworkTermIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "NetworkTermsMadeAt",
                table: "ClusterOrganisations",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "NetworkTerms",
                columns: table => new
                {
                    Kind = table.Column<int>(type: "INTEGER", nullable: false),
                    Term = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false),
                    ProfileId = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_NetworkTerms", x => new { x.Kind, x.Term, x.ProfileId });
                    table.ForeignKey(
                        name: "FK_NetworkTerms_ClusterOrganisations_ProfileId",
                        column: x => x.ProfileId,
                        principalTable: "ClusterOrganisations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ClusterOrganisations_NetworkTermsStale",
                table: "ClusterOrganisations",
                column: "NetworkTermsMadeAt",
                filter: "\"NetworkTermsMadeAt\" IS NULL OR \"NetworkTermsMadeAt\" <> \"UpdatedAt\"");

            migrationBuilder.CreateIndex(
                name: "IX_NetworkTerms_ProfileId",
                table: "NetworkTerms",
                column: "ProfileId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "NetworkTerms");

            migrationBuilder.DropIndex(
                name: "IX_ClusterOrganisations_NetworkTermsStale",
                table: "ClusterOrganisations");

            migrationBuilder.DropColumn(
                name: "NetworkTermsMadeAt",
                table: "ClusterOrganisations");
        }
    }
}
