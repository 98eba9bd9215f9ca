/**
 * Common first names and surnames from many countries: combined, they give thousands of
 * realistic, distinct person names for the knowledge-base scaling table and the generated pages.
 */

export const FIRST_NAMES = [
  'James', 'Mary', 'Robert', 'Patricia', 'John', 'Jennifer', 'Michael', 'Linda', 'David', 'Elizabeth',
  'William', 'Barbara', 'Richard', 'Susan', 'Joseph', 'Jessica', 'Thomas', 'Sarah', 'Charles', 'Karen',
  'Christopher', 'Lisa', 'Daniel', 'Nancy', 'Matthew', 'Betty', 'Anthony', 'Margaret', 'Mark', 'Sandra',
  'Donald', 'Ashley', 'Steven', 'Kimberly', 'Paul', 'Emily', 'Andrew', 'Donna', 'Joshua', 'Michelle',
  'Kenneth', 'Carol', 'Kevin', 'Amanda', 'Brian', 'Melissa', 'George', 'Deborah', 'Timothy', 'Stephanie',
  'Ronald', 'Rebecca', 'Edward', 'Sharon', 'Jason', 'Laura', 'Jeffrey', 'Cynthia', 'Ryan', 'Kathleen',
  'Jacob', 'Amy', 'Gary', 'Angela', 'Nicholas', 'Shirley', 'Eric', 'Anna', 'Jonathan', 'Brenda',
  'Stephen', 'Pamela', 'Larry', 'Emma', 'Justin', 'Nicole', 'Scott', 'Helen', 'Brandon', 'Samantha',
  'Benjamin', 'Katherine', 'Samuel', 'Christine', 'Gregory', 'Debra', 'Alexander', 'Rachel', 'Frank', 'Carolyn',
  'Olga', 'Dmitri', 'Ivan', 'Natalia', 'Hiroshi', 'Yuki', 'Kenji', 'Aiko', 'Wei', 'Mei',
  'Li', 'Jun', 'Priya', 'Rahul', 'Amit', 'Sunita', 'Ahmed', 'Fatima', 'Omar', 'Layla',
  'Carlos', 'Maria', 'Jose', 'Lucia', 'Diego', 'Sofia', 'Pierre', 'Claire', 'Hans', 'Ingrid',
  'Giovanni', 'Giulia', 'Lars', 'Astrid', 'Kwame', 'Amara', 'Tariq', 'Nadia', 'Mateus', 'Ana',
];

export const SURNAMES = [
  'Smith', 'Johnson', 'Williams', 'Brown', 'Jones', 'Garcia', 'Miller', 'Davis', 'Rodriguez', 'Martinez',
  'Hernandez', 'Lopez', 'Gonzalez', 'Wilson', 'Anderson', 'Thomas', 'Taylor', 'Moore', 'Jackson', 'Martin',
  'Lee', 'Perez', 'Thompson', 'White', 'Harris', 'Sanchez', 'Clark', 'Ramirez', 'Lewis', 'Robinson',
  'Walker', 'Young', 'Allen', 'King', 'Wright', 'Scott', 'Torres', 'Nguyen', 'Hill', 'Flores',
  'Green', 'Adams', 'Nelson', 'Baker', 'Hall', 'Rivera', 'Campbell', 'Mitchell', 'Carter', 'Roberts',
  'Gomez', 'Phillips', 'Evans', 'Turner', 'Diaz', 'Parker', 'Cruz', 'Edwards', 'Collins', 'Reyes',
  'Stewart', 'Morris', 'Morales', 'Murphy', 'Cook', 'Rogers', 'Gutierrez', 'Ortiz', 'Morgan', 'Cooper',
  'Peterson', 'Bailey', 'Reed', 'Kelly', 'Howard', 'Ramos', 'Kim', 'Cox', 'Ward', 'Richardson',
  'Ivanov', 'Petrov', 'Smirnov', 'Volkov', 'Tanaka', 'Suzuki', 'Watanabe', 'Yamamoto', 'Chen', 'Zhang',
  'Liu', 'Huang', 'Zhao', 'Sharma', 'Patel', 'Singh', 'Gupta', 'Khan', 'Hassan', 'Rahman',
  'Silva', 'Santos', 'Oliveira', 'Dubois', 'Moreau', 'Schmidt', 'Schneider', 'Fischer', 'Rossi', 'Russo',
  'Ferrari', 'Johansson', 'Larsen', 'Mensah', 'Okafor', 'Haddad', 'Novak', 'Kowalski', 'Nowak', 'Horvat',
];
