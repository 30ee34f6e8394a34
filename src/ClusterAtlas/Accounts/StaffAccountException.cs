using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Identity;

namespace ClusterAtlas.Accounts;

public sealed class StaffAccountException(string message) : Exception(message);
