package scale

// Spanish and English given names and surnames, accents as people write
// them, so that sorting and search meet the folding rule at scale.
var (
	spanishFirst = []string{
		"José", "María", "Íñigo", "Begoña", "Ramón", "Inés", "Ángela", "Sofía", "Lucía", "Martín",
		"Andrés", "Álvaro", "Núria", "Adrián", "Jesús", "Raúl", "Óscar", "Elena", "Pilar", "Joaquín",
		"Marta", "Iñaki", "Carmen", "Javier", "Nerea", "Ainhoa", "Rocío", "Sebastián", "Valentina", "Matías",
		"Camila", "Julián", "Mónica", "Héctor", "Verónica", "Tomás", "Fermín", "Asunción", "Belén", "Concepción",
		"María José", "Juan Carlos", "José Luis", "Ana Belén", "Luis Ángel", "Jimena", "Agustín", "Maite", "Rubén", "Sergio",
		"Paula", "Alba", "Irene", "Daniel", "Pablo", "Hugo", "Leire", "Gonzalo", "Ximena", "Renata",
	}
	spanishLast = []string{
		"García", "Fernández", "González", "Rodríguez", "López", "Martínez", "Sánchez", "Pérez", "Gómez", "Martín",
		"Jiménez", "Ruiz", "Hernández", "Díaz", "Moreno", "Muñoz", "Álvarez", "Romero", "Alonso", "Gutiérrez",
		"Navarro", "Torres", "Domínguez", "Vázquez", "Ramos", "Gil", "Ramírez", "Serrano", "Blanco", "Suárez",
		"Molina", "Morales", "Ortega", "Delgado", "Castro", "Ortiz", "Rubio", "Marín", "Sanz", "Núñez",
		"Iglesias", "Medina", "Garrido", "Cortés", "Castillo", "Santos", "Lozano", "Guerrero", "Cano", "Prieto",
		"Méndez", "Cruz", "Calvo", "Gallego", "Vidal", "León", "Márquez", "Herrera", "Peña", "Flores",
		"Cabrera", "Fuentes", "Carrasco", "Díez", "Caballero", "Reyes", "Nieto", "Aguilar", "Pascual", "Ibáñez",
		"Ferrer", "Durán", "Benítez", "Vargas", "Crespo", "Román", "Sáez", "Velasco", "Echeverría", "Zúñiga",
		"de la Fuente", "del Río", "Peñalver", "Ibarra", "Baños", "Muñiz", "Cáceres", "Ordóñez", "Arrieta", "Goñi",
	}
	englishFirst = []string{
		"James", "Mary", "John", "Patricia", "Robert", "Jennifer", "Michael", "Linda", "William", "Elizabeth",
		"David", "Barbara", "Richard", "Susan", "Joseph", "Jessica", "Thomas", "Sarah", "Charles", "Karen",
		"Christopher", "Nancy", "Daniel", "Lisa", "Matthew", "Emily", "Anthony", "Margaret", "Mark", "Sandra",
		"Zoë", "Renée", "Chloé", "Noël", "Joël", "Amélie", "Siobhán", "Seán", "Éamon", "Aoife",
		"Oliver", "Amelia", "Harry", "Isla", "George", "Ava", "Noah", "Mia", "Jack", "Grace",
		"Ethan", "Hannah", "Liam", "Olivia", "Lucas", "Charlotte", "Henry", "Abigail", "Owen", "Ruby",
	}
	englishLast = []string{
		"Smith", "Johnson", "Williams", "Brown", "Jones", "Miller", "Davis", "Wilson", "Anderson", "Taylor",
		"Thomas", "Moore", "Martin", "Jackson", "Thompson", "White", "Harris", "Clark", "Lewis", "Robinson",
		"Walker", "Young", "Allen", "King", "Wright", "Scott", "Hill", "Green", "Adams", "Baker",
		"Nelson", "Carter", "Mitchell", "Roberts", "Turner", "Phillips", "Campbell", "Parker", "Evans", "Edwards",
		"Collins", "Stewart", "Morris", "Murphy", "Cook", "Rogers", "Morgan", "Cooper", "Peterson", "Reed",
		"O'Brien", "O'Connor", "McAllister", "Fitzgerald", "Ó Súilleabháin", "Brontë", "Beaumont-Hughes", "Ní Bhriain", "Doyle", "Kennedy",
	}
)

// Places, teams and the rest of a person's and a circle's details.
var (
	titles    = []string{"Engineer", "Senior Engineer", "Staff Engineer", "Engineering Manager", "Product Manager", "Product Designer", "Data Scientist", "Analyst", "UX Researcher", "QA Lead", "Director", "Técnica de proyectos", "Jefe de equipo", "Consultora", "Responsable de datos"}
	teams     = []string{"Platform", "Payments", "Growth", "Mobile", "Analytics", "Design", "Infrastructure", "Operaciones", "Atención al cliente", "Ventas", "Finanzas", "Recursos Humanos", "Legal", "Marketing"}
	places    = []struct{ city, zone string }{{"Madrid", "Europe/Madrid"}, {"Barcelona", "Europe/Madrid"}, {"Sevilla", "Europe/Madrid"}, {"Bilbao", "Europe/Madrid"}, {"València", "Europe/Madrid"}, {"Ciudad de México", "America/Mexico_City"}, {"Bogotá", "America/Bogota"}, {"Buenos Aires", "America/Argentina/Buenos_Aires"}, {"Lima", "America/Lima"}, {"Santiago", "America/Santiago"}, {"London", "Europe/London"}, {"Dublin", "Europe/Dublin"}, {"New York", "America/New_York"}, {"Chicago", "America/Chicago"}, {"San Francisco", "America/Los_Angeles"}, {"Toronto", "America/Toronto"}, {"Sydney", "Australia/Sydney"}}
	strengths = []string{"Coaching", "System design", "Listening", "Facilitation", "Negociación", "Análisis de datos", "Public speaking", "Prioritization", "Empatía", "Writing", "Hiring", "Debugging", "Visual design", "Estrategia"}
	growth    = []string{"Delegation", "Executive communication", "Giving feedback", "Saying no", "Gestión del tiempo", "Hablar en público", "Influencing without authority", "Estimation", "Confidence in meetings", "Roadmapping"}
	themes    = []string{"Emerging Leaders", "Product Craft", "Data Guild", "Líderes Emergentes", "Mujeres en Tecnología", "Design Critique", "Career Compass", "Crecimiento Profesional", "New Managers", "Staff+ Circle", "Dirección de Equipos", "Customer Voice", "Engineering Excellence", "Comunicación Efectiva", "Returners", "First-Gen Professionals"}
	colors    = []string{"#e8692c", "#2f7de1", "#16a34a", "#9333ea", "#db2777", "#0891b2", "#ca8a04", "#475569"}
	agenda    = []string{"Check-in round", "Topic discussion", "Wins and blockers", "Action items", "Ronda de apertura", "Caso práctico"}
	topicList = []string{"Delegation", "Difficult conversations", "Hiring well", "Public speaking", "Negociación", "Gestión del tiempo", "Estrategia de producto", "Bienestar y equilibrio", "Technical writing", "Stakeholder management", "Onboarding", "Promotion readiness", "Liderazgo inclusivo", "Coaching skills", "Decision records", "Roadmapping", "Feedback culture", "Manager transitions", "Networking", "Resiliencia"}
)
