using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ClusterAtlas.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class AddCalls : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "Calls",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Slug = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Programme = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    Identifier = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    Link = table.Column<string>(type: "TEXT", maxLength: 2048, nullable: false),
                    OpensOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    ClosesAt = table.Column<long>(type: "INTEGER", nullable: false),
                    ClosingTimeZone = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    EligibleCountries = table.Column<string>(type: "TEXT", nullable: false),
                    BudgetAmount = table.Column<decimal>(type: "TEXT", precision: 18, scale: 2, nullable: true),
                    BudgetCurrency = table.Column<string>(type: "TEXT", maxLength: 3, nullable: true),
                    BudgetText = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Summary = table.Column<string>(type: "TEXT", maxLength: 20000, nullable: false),
                    Tags = table.Column<string>(type: "TEXT", nullable: false),
                    AddedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Calls", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "CallTerms",
                columns: table => new
                {
                    CallId = table.Column<int>(type: "INTEGER", nullable: false),
                    Field = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    VocabularyTermId = table.Column<int>(type: "INTEGER", nullable: false),
                    SortOrder = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CallTerms", x => new { x.CallId, x.Field, x.VocabularyTermId });
                    table.ForeignKey(
                        name: "FK_CallTerms_Calls_CallId",
                        column: x => x.CallId,
                        principalTable: "Calls",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_CallTerms_VocabularyTerms_VocabularyTermId",
                        column: x => x.VocabularyTermId,
                        principalTable: "VocabularyTerms",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Calls_AddedAt",
                table: "Calls",
                column: "AddedAt");

            migrationBuilder.CreateIndex(
                name: "IX_Calls_ClosesAt",
                table: "Calls",
                column: "ClosesAt");

            migrationBuilder.CreateIndex(
                name: "IX_Calls_Identifier",
                table: "Calls",
                column: "Identifier");

            migrationBuilder.CreateIndex(
                name: "IX_Calls_Slug",
                table: "Calls",
                column: "Slug",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_CallTerms_VocabularyTermId",
                table: "CallTerms",
                column: "VocabularyTermId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "CallTerms");

            migrationBuilder.DropTable(
                name: "Calls");
        }
    }
}
